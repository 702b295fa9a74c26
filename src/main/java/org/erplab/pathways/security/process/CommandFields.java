package org.erplab.pathways.security.process;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the arguments of a Camunda command (its protected fields), so that a door rule can judge what a command is
 * about to do (e.g. whom a task is being assigned to) before it runs. The fields read are checked when the engine
 * starts ({@link #requireFields}), so an engine upgrade that renames one fails at once, not silently.
 */
public final class CommandFields {

  private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>();

  private CommandFields() {}

  public static Object read(Object command, String fieldName) {
    Field field = FIELDS.computeIfAbsent(command.getClass().getName() + "#" + fieldName,
        key -> find(command.getClass(), fieldName));
    try {
      return field.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot read " + fieldName + " of " + command.getClass().getName(), e);
    }
  }

  /** Fails when the command class lacks one of the fields. */
  public static void requireFields(Class<?> commandClass, String... fieldNames) {
    for (String fieldName : fieldNames) {
      find(commandClass, fieldName);
    }
  }

  private static Field find(Class<?> type, String fieldName) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Field field = c.getDeclaredField(fieldName);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new IllegalStateException("Camunda command " + type.getName() + " has no field " + fieldName
        + ": the door rules were written for Camunda 7.24");
  }
}
