package org.sovietpolicykg.server.http;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.sovietpolicykg.errors.BadRequestException;

/** The query-string parameters of a request, each given at most once (a repeated one is a 400 that names it). */
public final class RequestParameters {
    private RequestParameters() {}

    public static Map<String, String> single(HttpServletRequest req) {
        Map<String, String> out = new LinkedHashMap<>();
        req.getParameterMap().forEach((k, v) -> {
            if (v.length > 1)
                throw new BadRequestException("Parameter '" + k + "' is given " + v.length + " times; expected once");
            if (v.length == 1)
                out.put(k, v[0]);
        });
        return out;
    }
}
