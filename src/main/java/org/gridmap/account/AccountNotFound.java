package org.gridmap.account;

import org.gridmap.error.DomainException;

/** No account with this id (or none the caller may see). */
public final class AccountNotFound extends DomainException {
  public AccountNotFound(long id) {
    super(Kind.NOT_FOUND, "account_not_found", "No account with id " + id);
  }
}
