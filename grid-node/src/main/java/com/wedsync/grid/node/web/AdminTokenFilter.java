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
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards every actuator endpoint but health. With a token configured, a request must
 * carry {@code Authorization: Bearer <token>} (what Prometheus scrape configs send; the
 * scheme is case-insensitive); otherwise 401. The comparison takes the same time whatever
 * the given token is, its length included: both sides are compared as SHA-256 digests.
 * With no token configured, the endpoints answer only requests from loopback; others get
 * 403.
 */
public class AdminTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final Optional<byte[]> tokenDigest;

    /**
     * Creates the filter.
     * @param token the admin token, or empty to allow loopback only
     */
    public AdminTokenFilter(Optional<String> token) {
        this.tokenDigest = token.map(AdminTokenFilter::sha256);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/actuator") || path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (this.tokenDigest.isPresent()) {
            if (!matches(request.getHeader("Authorization"), this.tokenDigest.get())) {
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

    private static boolean matches(String header, byte[] expectedDigest) {
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        // Digests have one length, so isEqual's time does not tell how long the token is
        // or where it differs.
        return MessageDigest.isEqual(sha256(header.substring(BEARER.length()).trim()), expectedDigest);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every Java platform has SHA-256", ex);
        }
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
