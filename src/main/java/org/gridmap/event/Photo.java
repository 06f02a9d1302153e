package org.gridmap.event;

import java.time.Instant;

/** A photo of an event: a file in the media directory named by its SHA-256 (hex, lower case). */
public record Photo(
    String sha256, String contentType, long bytes, Instant uploadedAt, String uploadedBy) {}
