package org.erplab.pathways.model;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.erplab.pathways.pathway.process.ProcessCatalogue;

/**
 * The element ids a process descriptor names in its nested {@code Elements} class ({@code IntakeProcess.Elements}):
 * the ids code and tests refer to, which a new version of the model must keep.
 */
final class DescriptorElements {

  private DescriptorElements() {}

  /** The ids declared for this process key ({@code social-referral} is described by {@code SocialReferralProcess}). */
  static List<String> of(String processKey) {
    StringBuilder className = new StringBuilder(ProcessCatalogue.class.getPackageName()).append('.');
    for (String part : processKey.split("-")) {
      className.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
    }
    className.append("Process$Elements");
    try {
      Class<?> elements = Class.forName(className.toString());
      List<String> ids = new ArrayList<>();
      for (Field field : elements.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
          ids.add((String) field.get(null));
        }
      }
      return ids;
    } catch (ClassNotFoundException e) {
      return List.of();
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
