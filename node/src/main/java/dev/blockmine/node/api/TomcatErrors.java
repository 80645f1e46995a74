package dev.blockmine.node.api;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts {@link TomcatErrorValve} on the host instead of the HTML {@link ErrorReportValve}s that Tomcat and Spring Boot
 * install. The swap happens just before the host starts, after every customizer (Boot's adds its valve in a context
 * customizer, Tomcat's host adds the class it is told at start), so it does not depend on their order.
 */
@Component
class TomcatErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            host.addLifecycleListener(event -> {
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.getPipeline().addValve(new TomcatErrorValve());
                    host.setErrorReportValveClass(TomcatErrorValve.class.getName()); // so the host adds no other
                }
            });
        });
    }
}
