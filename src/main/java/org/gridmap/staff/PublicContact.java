package org.gridmap.staff;

/**
 * What the public sees of one person in one area: only the fields the person marked public; the
 * others are null and left out of the answer. {@code photo} is the URL of the portrait.
 */
public record PublicContact(
    long id,
    String area,
    String areaName,
    String name,
    String role,
    String roleName,
    String roleNameEn,
    String phone,
    String duties,
    String photo) {}
