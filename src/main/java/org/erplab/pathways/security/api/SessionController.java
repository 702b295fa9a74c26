package org.erplab.pathways.security.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.security.WebappSessionAuthentication;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is calling: for our pages, which show what the user may do and send the webapps' CSRF token with every request
 * made in the webapps' session ({@link WebappSessionAuthentication}); {@code csrfToken} is null for an HTTP Basic login,
 * which needs none.
 */
@RestController
class SessionController {

  @GetMapping(path = WebappSessionAuthentication.SESSION_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  Session session(@AuthenticationPrincipal AppUser user, HttpServletRequest request) {
    return new Session(user.id(), user.roles().stream().sorted().toList(), user.organisation(),
        user.projects().stream().sorted().toList(), WebappSessionAuthentication.sessionToken(request));
  }

  record Session(String userId, List<String> roles, String organisation, List<String> projects, String csrfToken) {}
}
