package io.tidemark.processor.model;

import io.tidemark.processor.validation.Diagnostics.Location;
import java.time.Duration;
import javax.lang.model.element.ExecutableElement;

/** A {@code @Window}'s length and slide (null where they did not parse) and its inverse method, if any. */
public record WindowSpec(Duration length, Location lengthAt, Duration slide, Location slideAt,
    ExecutableElement inverse) {}
