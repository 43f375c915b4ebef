package io.qalam.widgets;

import java.util.List;

/**
 * A city with weather: the 20 largest of Kazakhstan. The key is what readers choose and
 * what the database stores; names are in the message bundles as {@code city.<key>}.
 */
record City(String key, double latitude, double longitude) {

	static final List<City> ALL = List.of(new City("almaty", 43.2389, 76.8897), new City("astana", 51.1694, 71.4491),
			new City("shymkent", 42.3417, 69.5901), new City("karaganda", 49.8047, 73.1094),
			new City("aktobe", 50.2839, 57.1670), new City("taraz", 42.9000, 71.3667),
			new City("pavlodar", 52.2873, 76.9674), new City("ust-kamenogorsk", 49.9483, 82.6279),
			new City("semey", 50.4111, 80.2275), new City("atyrau", 47.1164, 51.8830),
			new City("kostanay", 53.2144, 63.6246), new City("kyzylorda", 44.8528, 65.5092),
			new City("uralsk", 51.2333, 51.3667), new City("petropavlovsk", 54.8753, 69.1628),
			new City("aktau", 43.6500, 51.1500), new City("temirtau", 50.0549, 72.9646),
			new City("turkistan", 43.2973, 68.2518), new City("kokshetau", 53.2833, 69.4000),
			new City("taldykorgan", 45.0156, 78.3739), new City("ekibastuz", 51.7244, 75.3227));

	static boolean exists(String key) {
		return ALL.stream().anyMatch((c) -> c.key().equals(key));
	}

}
