package io.tidemark.processor.model;

import io.tidemark.processor.validation.Diagnostics.Location;
import java.time.Duration;
import javax.lang.model.element.ExecutableElement;

/**
 * A {@code @Window}'s length and slide (null where they did not parse), its inverse method and its keep
 * method, if any.
 *
 * @param keepTakesPair whether {@code keep} takes the key and value as {@code KV<K, V>}, not the value alone
 */
public record WindowSpec(Duration length, Location lengthAt, Duration slide, Location slideAt,
    ExecutableElement inverse, ExecutableElement keep, boolean keepTakesPair) {}
