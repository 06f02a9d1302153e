package org.gridmap.place;

import java.util.Map;

/**
 * Key places under one child of an area ({@code child} "" = the area itself): how many, by
 * category, and how many are inspected within their interval ({@code upToDate}) or overdue.
 */
public record PlaceTally(
    String child, long total, Map<String, Long> byCategory, long upToDate, long overdue) {}
