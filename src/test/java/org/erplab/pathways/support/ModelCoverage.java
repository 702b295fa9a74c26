package org.erplab.pathways.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The models a process test class is responsible for: after the class, each must be covered (flow nodes and
 * sequence flows, as camunda-process-test-coverage counts them) at least {@link #atLeast()}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ModelCoverage {

  /** Process definition keys. */
  String[] value();

  double atLeast() default 0.9;
}
