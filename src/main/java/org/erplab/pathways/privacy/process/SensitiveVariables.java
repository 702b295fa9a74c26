package org.erplab.pathways.privacy.process;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Variable names whose values must never be stored by the engine (personal, special-category or free-text data).
 * Configured in {@code privacy.sensitive-variables}.
 */
@ConfigurationProperties("privacy")
public record SensitiveVariables(List<String> sensitiveVariables) {

  public Set<String> names() {
    return sensitiveVariables == null ? Set.of() : Set.copyOf(sensitiveVariables);
  }

  public boolean contains(String name) {
    return sensitiveVariables != null && sensitiveVariables.contains(name);
  }
}
