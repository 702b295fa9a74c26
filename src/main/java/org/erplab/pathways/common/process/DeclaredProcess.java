package org.erplab.pathways.common.process;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an instance of one process may hold: the variables it receives from its caller and its own, each declared once
 * as a {@link ProcessVariable} constant of a descriptor. The engine refuses to store any other name.
 *
 * <p>A process that an organisation works on its own (e.g. the accredited operator's hand-over) runs in that
 * organisation's part of the project, named by {@link #partitionedBy()}: see {@code security.Partitions}.
 */
public final class DeclaredProcess {

  private final String key;
  private final Map<String, ProcessVariable<?>> variables;
  private final ProcessVariable<String> partitionedBy;

  private DeclaredProcess(String key, Map<String, ProcessVariable<?>> variables, ProcessVariable<String> partitionedBy) {
    this.key = key;
    this.variables = Collections.unmodifiableMap(variables);
    this.partitionedBy = partitionedBy;
  }

  public static DeclaredProcess of(String key, ProcessVariable<?>... variables) {
    Map<String, ProcessVariable<?>> byName = new LinkedHashMap<>();
    for (ProcessVariable<?> variable : variables) {
      ProcessVariable<?> previous = byName.putIfAbsent(variable.name(), variable);
      if (previous != null && previous != variable) {
        throw new IllegalArgumentException(key + ": variable " + variable.name() + " declared twice");
      }
    }
    return new DeclaredProcess(key, byName, null);
  }

  /** Instances run in the part of the project of the organisation named by this (in-mapped) variable. */
  public DeclaredProcess partitionedBy(ProcessVariable<String> organisation) {
    if (!variables.containsKey(organisation.name())) {
      throw new IllegalArgumentException(key + ": partition variable " + organisation.name() + " is not declared");
    }
    return new DeclaredProcess(key, new LinkedHashMap<>(variables), organisation);
  }

  public String key() {
    return key;
  }

  public Collection<ProcessVariable<?>> variables() {
    return variables.values();
  }

  public Optional<ProcessVariable<?>> variable(String name) {
    return Optional.ofNullable(variables.get(name));
  }

  public Optional<ProcessVariable<String>> partitionedBy() {
    return Optional.ofNullable(partitionedBy);
  }
}
