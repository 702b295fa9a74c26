package org.erplab.pathways.demo.api;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.erplab.pathways.demo.process.DemoClock;
import org.erplab.pathways.security.EngineAccess;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Opens {@code /api/admin/clock} in the one test application context (where {@code demo.clock.enabled} is off, as in
 * every profile but demo), as the demo profile would: the controller's three handlers are registered with the running
 * MVC mapping, behind the real security chain and error handling, and removed again on {@link #close()}. A second
 * application context with the property on would start a second engine on the same embedded PostgreSQL.
 */
public final class DemoClockDoor implements AutoCloseable {

  private final RequestMappingHandlerMapping mapping;
  private final List<RequestMappingInfo> registered = new ArrayList<>();

  private DemoClockDoor(RequestMappingHandlerMapping mapping) {
    this.mapping = mapping;
  }

  public static DemoClockDoor open(ApplicationContext context) {
    RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
        RequestMappingHandlerMapping.class);
    DemoClockController controller = new DemoClockController(new DemoClock(
        context.getBean(ManagementService.class), context.getBean(EngineAccess.class)));
    DemoClockDoor door = new DemoClockDoor(mapping);
    door.register(controller, "read", RequestMethod.GET);
    door.register(controller, "move", RequestMethod.POST);
    door.register(controller, "reset", RequestMethod.DELETE);
    return door;
  }

  private void register(DemoClockController controller, String name, RequestMethod method) {
    Method handler = Arrays.stream(DemoClockController.class.getDeclaredMethods())
        .filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
    RequestMappingInfo info = RequestMappingInfo.paths("/api/admin/clock").methods(method)
        .produces(MediaType.APPLICATION_JSON_VALUE).options(mapping.getBuilderConfiguration()).build();
    mapping.registerMapping(info, controller, handler);
    registered.add(info);
  }

  @Override
  public void close() {
    registered.forEach(mapping::unregisterMapping);
  }
}
