package org.erplab.pathways.common.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The browser libraries our pages load are served by the application (no CDN, nothing fetched at run time): the
 * vendored file is the version package.json names, its licence is beside it, and the page loads that file.
 */
class VendoredLibrariesTest {

  private static final Path STATIC = Path.of("src/main/resources/static");

  @Test
  void shouldServeChartJsOfThePackageVersionWithItsLicence() throws IOException {
    String packageJson = Files.readString(Path.of("package.json"));
    assertThat(packageJson).contains("\"chart.js\": \"4.6.1\"", "\"vendor:chart-js\"");
    Path dir = STATIC.resolve("vendor/chart.js/4.6.1");
    assertThat(Files.readString(dir.resolve("chart.umd.min.js"))).startsWith("/*!\n * Chart.js v4.6.1");
    assertThat(Files.readString(dir.resolve("LICENSE.md"))).contains("The MIT License");
    String page = Files.readString(STATIC.resolve("reports/indicatori.html"));
    assertThat(page).contains("src=\"../vendor/chart.js/4.6.1/chart.umd.min.js\"").doesNotContain("http://",
        "https://");
  }
}
