package org.erplab.pathways.common.process;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One process variable, declared once in its process descriptor: name, kind and whether its value is personal or
 * special-category data that the engine must never store ({@link #sensitive()}: filed in the registry when the task
 * is completed). The engine refuses any variable that no descriptor declares, or a value of another kind, whichever
 * door writes it (see {@code privacy.process.VariableAllowList}); code reads and writes variables through these
 * declarations, never through string literals.
 *
 * @param <T> the Java type of the value
 */
public final class ProcessVariable<T> {

  /** What a variable may hold, by the name of the engine serializer that stores it. */
  public enum Kind {
    /** Text, including codes of a closed list (e.g. UNEMPLOYED). */
    STRING(Set.of("string")),
    BOOLEAN(Set.of("boolean")),
    /** Whole numbers (the REST API sends them as integer or long). */
    INTEGER(Set.of("integer", "long", "short")),
    /** A calendar day as {@code yyyy-MM-dd} text, as Camunda Forms submit dates. */
    DATE(Set.of("string")),
    /** A JSON document (Camunda Spin), e.g. the options a form lists. */
    JSON(Set.of("json")),
    /** A list of values, e.g. a checklist or a decision's result list (a JSON value, or an object stored as JSON). */
    LIST(Set.of("json", "spin://application/json"));

    private final Set<String> serializers;

    Kind(Set<String> serializers) {
      this.serializers = serializers;
    }

    /** True if a value stored by this serializer fits the kind ({@code null} fits every kind). */
    public boolean accepts(String serializerName) {
      return serializerName == null || "null".equals(serializerName)
          || serializers.contains(serializerName.toLowerCase(java.util.Locale.ROOT));
    }
  }

  private final String name;
  private final Kind kind;
  private final Class<T> javaType;
  private final boolean sensitive;

  private ProcessVariable(String name, Kind kind, Class<T> javaType, boolean sensitive) {
    this.name = Objects.requireNonNull(name);
    this.kind = Objects.requireNonNull(kind);
    this.javaType = javaType;
    this.sensitive = sensitive;
  }

  public static ProcessVariable<String> string(String name) {
    return new ProcessVariable<>(name, Kind.STRING, String.class, false);
  }

  public static ProcessVariable<Boolean> bool(String name) {
    return new ProcessVariable<>(name, Kind.BOOLEAN, Boolean.class, false);
  }

  public static ProcessVariable<Integer> integer(String name) {
    return new ProcessVariable<>(name, Kind.INTEGER, Integer.class, false);
  }

  public static ProcessVariable<String> date(String name) {
    return new ProcessVariable<>(name, Kind.DATE, String.class, false);
  }

  public static ProcessVariable<Object> json(String name) {
    return new ProcessVariable<>(name, Kind.JSON, Object.class, false);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static ProcessVariable<List<?>> list(String name) {
    return new ProcessVariable<>(name, Kind.LIST, (Class) List.class, false);
  }

  /**
   * The same variable, marked personal or special-category: its value exists only while the task that asks for it
   * is completed, is filed in the registry, and never reaches the engine's tables or history.
   */
  public ProcessVariable<T> sensitive() {
    return new ProcessVariable<>(name, kind, javaType, true);
  }

  public String name() {
    return name;
  }

  public Kind kind() {
    return kind;
  }

  public boolean isSensitive() {
    return sensitive;
  }

  /** The value in the scope (or an enclosing one), {@code null} if unset. */
  public T get(VariableScope scope) {
    Object value = scope.getVariable(name);
    if (value instanceof Number number && javaType == Integer.class) {
      return javaType.cast(number.intValue());
    }
    return javaType.cast(value);
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, value);
  }

  public void remove(VariableScope scope) {
    scope.removeVariable(name);
  }

  @Override
  public String toString() {
    return name + " (" + kind + (sensitive ? ", sensitive" : "") + ")";
  }
}
