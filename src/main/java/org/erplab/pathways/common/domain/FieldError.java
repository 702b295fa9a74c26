package org.erplab.pathways.common.domain;

/** One invalid field of a request or of a task's form: its name and what is wrong, never the value given. */
public record FieldError(String field, String message) {}
