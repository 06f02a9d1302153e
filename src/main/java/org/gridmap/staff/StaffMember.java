package org.gridmap.staff;

import java.time.Instant;
import java.util.List;

/**
 * A person of the staff directory: grid worker, coordinator, supervisor, police officer,
 * firefighter or volunteer, with contact details, the areas they work for, and which fields are
 * public. {@code photoType} is the uploaded photo's media type, or null when the generated
 * placeholder portrait stands in.
 */
public record StaffMember(
    long id,
    String ref,
    String name,
    String phone,
    String duties,
    PublicFields visibility,
    List<Assignment> assignments,
    String photoType,
    Instant createdAt,
    Instant updatedAt) {}
