package org.erplab.pathways.common.domain;

import java.util.regex.Pattern;

/** One invalid field of a request or of a task's form: its name and what is wrong, never the value given. */
public record FieldError(String field, String message) {

  /** Shown instead of a field name the caller made up that is not a plain name. */
  public static final String UNNAMED = "(unnamed field)";

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}(\\.[A-Za-z_][A-Za-z0-9_]{0,63})*");

  /**
   * A field error for a name the caller sent (an unknown field, an undeclared variable): the name is repeated only when
   * it is a plain name of up to 64 characters, so a long or odd string the caller sent as a name never comes back.
   */
  public static FieldError ofSentName(String name, String message) {
    return new FieldError(name != null && name.length() <= 200 && PLAIN_NAME.matcher(name).matches() ? name : UNNAMED,
        message);
  }
}
