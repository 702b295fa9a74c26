package org.erplab.pathways.pathway.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.pathway.domain.SuspensionRecords;
import org.erplab.pathways.pathway.domain.SuspensionRecords.Reason;
import org.erplab.pathways.pathway.domain.SuspensionRecords.ReasonList;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reasons offered for suspensions ({@code SUSPENSION}) and withdrawals ({@code WITHDRAWAL}): every signed-in user
 * reads them; a manager adds one (never removes: records refer to them).
 */
@RestController
@RequestMapping(path = "/api/reasons/{list}", produces = MediaType.APPLICATION_JSON_VALUE)
class ReasonController {

  private final SuspensionRecords records;

  ReasonController(SuspensionRecords records) {
    this.records = records;
  }

  @GetMapping
  @Transactional(readOnly = true)
  List<Reason> list(@PathVariable String list) {
    return records.reasons(which(list));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  Reason add(@PathVariable String list, @Valid @RequestBody NewReason request, @AuthenticationPrincipal AppUser user) {
    ReasonList which = which(list);
    if (!user.hasRole(Roles.MANAGER)) {
      throw ApiException.forbidden("Only the programme's managers extend the lists of reasons");
    }
    if (records.reasonExists(which, request.code())) {
      throw ApiException.conflict("The list already has reason " + request.code());
    }
    Reason reason = new Reason(request.code(), request.name());
    records.addReason(which, reason);
    return reason;
  }

  private static ReasonList which(String list) {
    return Arrays.stream(ReasonList.values()).filter(l -> l.name().equals(list)).findFirst()
        .orElseThrow(() -> ApiException.notFound("No such list of reasons"));
  }

  /** A new reason: an upper-case code and its Italian name. */
  record NewReason(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") String code,
      @NotBlank @Size(max = 100) String name) {}
}
