package io.qalam.accounts;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One module's newsroom pages: which roles may open them and their entries in the
 * newsroom's navigation. Every module with staff pages declares one bean, so a new page
 * needs no edit in another module. A newsroom route that no bean names is open to every
 * logged-in account.
 */
public interface StaffPages {

	/** This module's guarded routes, narrower patterns first. */
	List<Route> routes();

	/** This module's entries in the newsroom's navigation. */
	default List<Entry> navigation() {
		return List.of();
	}

	/** Routes only admins may open. */
	static Route admins(String... patterns) {
		return new Route(List.of(patterns), EnumSet.of(Role.ADMIN));
	}

	/** Routes editors and admins may open. */
	static Route editors(String... patterns) {
		return new Route(List.of(patterns), EnumSet.of(Role.EDITOR, Role.ADMIN));
	}

	/**
	 * @param patterns request paths such as {@code /newsroom/users/**}
	 * @param roles who may open them
	 */
	record Route(List<String> patterns, Set<Role> roles) {

		public Route {
			patterns = List.copyOf(patterns);
			roles = Set.copyOf(roles);
		}

	}

	/**
	 * @param position where the entry sits, lower first
	 * @param key what a page names to mark its entry as current; its label is the
	 * newsroom message {@code nav.}<i>key</i>
	 * @param roles who sees the entry; empty for every logged-in account
	 */
	record Entry(int position, String key, String path, Set<Role> roles) {

		public Entry {
			roles = Set.copyOf(roles);
		}

		/** An entry every logged-in account sees. */
		public static Entry forEveryone(int position, String key, String path) {
			return new Entry(position, key, path, Set.of());
		}

		/** An entry shown to the roles of a route. */
		public static Entry forRoute(int position, String key, String path, Route route) {
			return new Entry(position, key, path, route.roles());
		}

	}

}
