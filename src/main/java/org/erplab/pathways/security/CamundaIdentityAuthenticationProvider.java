package org.erplab.pathways.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** One login for the API, engine REST and the webapps: passwords, groups and tenants live in Camunda's identity service. */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;

  public CamundaIdentityAuthenticationProvider(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || credentials == null || !identityService.checkPassword(userId, credentials.toString())) {
      throw new BadCredentialsException("Invalid user or password");
    }
    AppUser user = load(userId);
    List<SimpleGrantedAuthority> authorities = user.roles().stream()
        .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
        .toList();
    return new UsernamePasswordAuthenticationToken(user, null, authorities);
  }

  public AppUser load(String userId) {
    List<Group> groups = identityService.createGroupQuery().groupMember(userId).list();
    Set<String> roles = groups.stream()
        .filter(g -> Roles.GROUP_TYPE.equals(g.getType()) && Roles.ALL.contains(g.getId()))
        .map(Group::getId)
        .collect(Collectors.toUnmodifiableSet());
    String organisation = groups.stream()
        .filter(g -> Roles.ORGANISATION_TYPE.equals(g.getType()))
        .map(Group::getId)
        .findFirst()
        .orElse(null);
    Set<String> projects = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
        .stream()
        .map(Tenant::getId)
        .collect(Collectors.toUnmodifiableSet());
    return new AppUser(userId, roles, organisation, projects);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
