package org.erplab.pathways.common.api;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error report, for a request it refuses before the application sees it (a NUL byte or an encoded slash
 * in the path): problem+json like every other error, instead of Tomcat's HTML page. Never a detail from the request.
 */
public class ProblemReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    HttpStatus known = HttpStatus.resolve(status);
    String title = known == null ? "Error" : known.getReasonPhrase();
    String detail = status >= 500 ? "Unexpected error" : title;
    try {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
            + ",\"detail\":\"" + detail + "\"}");
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client went away or the response is committed: nothing more to say
    }
  }

  /** Puts the valve in place of the error report Spring Boot adds to the host. */
  @Configuration
  static class Installation {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports() {
      // runs after Spring Boot's own customizer (default order), so its context customizer runs after Boot's too
      return factory -> factory.addContextCustomizers(context -> {
        Container host = context.getParent();
        Pipeline pipeline = host.getPipeline();
        for (Valve valve : pipeline.getValves()) {
          if (valve instanceof ErrorReportValve) {
            pipeline.removeValve(valve);
          }
        }
        ProblemReportValve valve = new ProblemReportValve();
        valve.setShowReport(false);
        valve.setShowServerInfo(false);
        pipeline.addValve(valve);
        if (host instanceof StandardHost standard) {
          // so that the host, when it starts, finds its error report valve and adds no other
          standard.setErrorReportValveClass(ProblemReportValve.class.getName());
        }
      });
    }
  }
}
