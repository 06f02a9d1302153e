package org.gridmap.demo;

/**
 * A demo survey campaign, as written to {@code demo-survey-campaigns.csv}. Its first and last day
 * are given in days from the day the demo is loaded ({@code -40} = forty days before), so that the
 * finished campaign stays finished and the running one runs, whenever the demo starts.
 */
record DemoCampaign(String id, String name, String areaCode, int startsInDays, int endsInDays) {}
