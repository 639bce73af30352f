package fr.thdtracker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The application's routes as Spring MVC registered them: each pattern with its methods, query
 * parameters and path variables, so that a test applied to all of them covers a new route without
 * being edited.
 */
record ApplicationRoutes(List<Route> routes) {

    /** One pattern of one handler; {@code methods} is GET when the mapping names none. */
    record Route(String pattern, Set<String> methods, List<Param> query, List<String> pathVariables) {

        /** The pattern with each path variable replaced by the given value or its sample. */
        String path(String variable, String value, java.util.function.Function<String, String> sample) {
            String out = pattern;
            for (String v : pathVariables) {
                out = out.replace("{" + v + "}", v.equals(variable) ? value : sample.apply(v));
            }
            return out;
        }
    }

    record Param(String name, boolean required) {
    }

    static ApplicationRoutes of(RequestMappingHandlerMapping mapping) {
        List<Route> routes = new ArrayList<>();
        DefaultParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            List<Param> query = new ArrayList<>();
            List<String> pathVariables = new ArrayList<>();
            for (MethodParameter p : handler.getMethodParameters()) {
                p.initParameterNameDiscovery(names);
                RequestParam rp = p.getParameterAnnotation(RequestParam.class);
                if (rp != null) {
                    String name = rp.name().isEmpty() ? p.getParameterName() : rp.name();
                    query.add(new Param(name, rp.required() && rp.defaultValue().equals(ValueConstants.DEFAULT_NONE)
                            && !p.isOptional()));
                }
                PathVariable pv = p.getParameterAnnotation(PathVariable.class);
                if (pv != null) {
                    pathVariables.add(pv.name().isEmpty() ? p.getParameterName() : pv.name());
                }
            }
            for (String pattern : patterns(info)) {
                routes.add(new Route(pattern, methods(info), List.copyOf(query), List.copyOf(pathVariables)));
            }
        });
        routes.sort(Comparator.comparing(Route::pattern));
        return new ApplicationRoutes(List.copyOf(routes));
    }

    private static Set<String> patterns(RequestMappingInfo info) {
        return info.getPatternValues();
    }

    private static Set<String> methods(RequestMappingInfo info) {
        Set<String> out = new TreeSet<>();
        for (RequestMethod m : info.getMethodsCondition().getMethods()) {
            out.add(m.name());
        }
        if (out.isEmpty()) {
            out.add("GET");
        }
        return out;
    }
}
