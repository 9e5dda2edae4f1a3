/**
 * The status page of a running pipeline, its JSON API ({@code /api/v1/...}) and its metrics
 * (Prometheus {@code /metrics} and JMX, through Micrometer). Internal: users turn it on through the
 * context's builder ({@code uiPort}), the launcher's {@code --ui-port} or the plugin's {@code uiPort}.
 *
 * <p>Everything here reads the pipeline through {@link io.tidemark.internal.status.PipelineStatusSource},
 * filled by {@link io.tidemark.internal.status.LocalPipelineStatus}, the one class that knows the
 * engine, the sources and the checkpoint. Per batch the status costs one listener call that stores the
 * batch's statistics and records a few meters: O(stages), never a look at a record.
 */
package io.tidemark.internal.status;
