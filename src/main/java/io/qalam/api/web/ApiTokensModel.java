package io.qalam.api.web;

import java.util.List;
import java.util.Map;

import io.qalam.accounts.NewsroomLayout;
import io.qalam.accounts.UserAccounts;
import io.qalam.api.ApiTokens;
import io.qalam.platform.Text;

/**
 * The model of {@code api/tokens.jte}.
 *
 * @param issued a token just issued, shown this once; or null
 * @param accounts the accounts a token may act as
 */
public record ApiTokensModel(NewsroomLayout layout, List<ApiTokens.Issued> tokens, List<UserAccounts.Account> accounts,
		List<ApiTokens.Scope> scopes, String issued, Text notice, Text error, Map<String, Text> errors) {

	public Text error(String field) {
		return this.errors.get(field);
	}

}
