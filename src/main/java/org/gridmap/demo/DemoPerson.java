package org.gridmap.demo;

/**
 * One generated person of the staff directory, as written to {@code demo-staff.csv}: a synthetic
 * name (no real person), a phone number from the demo's fictional block, one area with a role, and
 * which fields are public.
 */
record DemoPerson(
    String ref,
    String name,
    String role,
    String areaCode,
    String phone,
    String duties,
    boolean publicName,
    boolean publicPhoto,
    boolean publicRole,
    boolean publicPhone,
    boolean publicDuties) {}
