package io.qalam.accounts;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How failed newsroom logins slow the next attempt ({@code qalam.security.login.*}).
 *
 * @param freeFailures failures of one account from one address before waits begin
 * @param freeFailuresPerAddress failures from one address, whatever the accounts, before
 * its waits begin
 * @param freeFailuresPerAccount failures of one account from all addresses before its
 * waits begin
 * @param firstWait the first wait; each further failure doubles it
 * @param maxWait the longest wait of an account at one address, and of an address
 * @param accountMaxWait the longest wait of an account from everywhere: short, so that
 * failing on purpose cannot shut its owner out
 * @param window failures older than this, with no wait left, are forgotten
 */
@Validated
@ConfigurationProperties("qalam.security.login")
record LoginProperties(@Min(0) int freeFailures, @Min(0) int freeFailuresPerAddress, @Min(0) int freeFailuresPerAccount,
		@NotNull Duration firstWait, @NotNull Duration maxWait, @NotNull Duration accountMaxWait,
		@NotNull Duration window) {

}
