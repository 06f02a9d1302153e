package org.gridmap.demo;

/**
 * One change of a building's survey status, as written to {@code demo-survey.csv}: the campaign,
 * the building's ref, the day (0 = the campaign's first day) and time of day (China time), the new
 * status, who recorded it (the grid's worker) and a note.
 */
record DemoChange(
    String campaign,
    String building,
    int day,
    String time,
    String status,
    String actor,
    String note) {}
