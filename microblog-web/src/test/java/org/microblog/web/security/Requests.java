package org.microblog.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.stream.Collectors;

/** Requests for unit tests: a method, parameters and headers, and nothing else (any other call fails). */
final class Requests {

    private Requests() {}

    static HttpServletRequest request(String method, Map<String, String> parameters, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(
                Requests.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, call, args) -> switch (call.getName()) {
                    case "getMethod" -> method;
                    case "getParameter" -> parameters.get((String) args[0]);
                    case "getParameterMap" ->
                        parameters.entrySet().stream()
                                .collect(Collectors.toMap(Map.Entry::getKey, e -> new String[] {e.getValue()}));
                    case "getHeader" -> headers.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(call.getName());
                });
    }

    static HttpServletRequest request(String method, Map<String, String> parameters) {
        return request(method, parameters, Map.of());
    }
}
