package com.wedsync.grid.node.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards every actuator endpoint but health. With a token configured, a request must carry
 * {@code Authorization: Bearer <token>} (what Prometheus scrape configs send); otherwise 401. With no token
 * configured, the endpoints answer only requests from loopback; others get 403.
 */
public class AdminTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final Optional<byte[]> token;

    /**
     * Creates the filter.
     * @param token the admin token, or empty to allow loopback only
     */
    public AdminTokenFilter(Optional<String> token) {
        this.token = token.map((t) -> t.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/actuator") || path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (this.token.isPresent()) {
            if (!matches(request.getHeader("Authorization"), this.token.get())) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"grid\"");
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "admin token required");
                return;
            }
        }
        else if (!isLoopback(request.getRemoteAddr())) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "no admin token is configured: loopback only");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean matches(String header, byte[] expected) {
        if (header == null || !header.startsWith(BEARER)) {
            return false;
        }
        byte[] given = header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, expected);
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        }
        catch (UnknownHostException ex) {
            return false;
        }
    }
}
