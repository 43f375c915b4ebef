/**
 * Newsroom accounts: users and their roles, login with its throttling, the first admin,
 * the audit log, who may open which newsroom route (each module contributes its own
 * through {@link io.qalam.accounts.StaffPages}) and the newsroom's page frame.
 */
@ApplicationModule(allowedDependencies = { "platform", "platform :: web", "edition" })
package io.qalam.accounts;

import org.springframework.modulith.ApplicationModule;
