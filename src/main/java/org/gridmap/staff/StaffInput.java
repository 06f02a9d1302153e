package org.gridmap.staff;

import java.util.List;

/**
 * A person's fields as written; on update a null field stays as it is ({@code assignments}, when
 * given, replaces all of them). On create, {@code name} and at least one assignment are required
 * and a null {@code visibility} means nothing is public.
 */
public record StaffInput(
    String ref,
    String name,
    String phone,
    String duties,
    PublicFields visibility,
    List<Assignment> assignments) {}
