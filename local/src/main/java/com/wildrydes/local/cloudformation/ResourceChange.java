package com.wildrydes.local.cloudformation;

/**
 * One resource a change set would add, modify or remove; {@code replacement} says whether a
 * modification replaces it (True) or updates it in place (False), as CloudFormation's does.
 */
public record ResourceChange(String action, String logicalId, String resourceType, String replacement) {}
