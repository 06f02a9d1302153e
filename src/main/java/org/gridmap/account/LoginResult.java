package org.gridmap.account;

import java.time.Instant;
import org.gridmap.access.Principal;

/** A successful login: the cookie value to set (shown once, stored only hashed) and its expiry. */
public record LoginResult(Principal principal, String sessionToken, Instant expiresAt) {}
