package org.erplab.pathways.pathway.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/** A decision of {@code processes/}, read from its file and evaluated by a plain DMN engine (rule tests). */
final class DecisionTable {

  private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private final DmnDecision decision;

  private DecisionTable(DmnDecision decision) {
    this.decision = decision;
  }

  /** The decision {@code key} of {@code processes/<folder>/<file>}. */
  static DecisionTable of(String folder, String file, String key) {
    try (InputStream dmn = Files.newInputStream(Path.of("processes", folder, file))) {
      return new DecisionTable(ENGINE.parseDecision(key, dmn));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  DmnDecisionResult evaluate(Map<String, Object> variables) {
    return ENGINE.evaluateDecision(decision, variables);
  }
}
