package io.qalam.content;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Draws the demo content's pictures at start, so that a new install needs no download:
 * simple flat landscapes and scenes, different for every story. Uses no fonts (a server
 * may have none installed).
 */
final class DemoPictures {

	static final int WIDTH = 1440;

	static final int HEIGHT = 810;

	private DemoPictures() {
	}

	/**
	 * @param style one of city, mountains, steppe, water, stadium, field, library, tech,
	 * snow
	 */
	static BufferedImage draw(String style, long seed) {
		Random random = new Random(seed);
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			switch (style) {
				case "city" -> city(g, random);
				case "mountains" -> mountains(g, random, false);
				case "snow" -> mountains(g, random, true);
				case "steppe" -> steppe(g, random);
				case "water" -> water(g, random);
				case "stadium" -> stadium(g, random);
				case "field" -> field(g, random);
				case "library" -> library(g, random);
				case "tech" -> tech(g, random);
				default -> throw new IllegalArgumentException("Unknown picture style '" + style + "'");
			}
		}
		finally {
			g.dispose();
		}
		return image;
	}

	private static void sky(Graphics2D g, Color top, Color bottom, int horizon) {
		g.setPaint(new GradientPaint(0, 0, top, 0, horizon, bottom));
		g.fillRect(0, 0, WIDTH, horizon);
	}

	private static void sun(Graphics2D g, Random random, Color color) {
		int r = 60 + random.nextInt(50);
		g.setColor(color);
		g.fill(new Ellipse2D.Double(200 + random.nextInt(WIDTH - 400), 80 + random.nextInt(120), r * 2, r * 2));
	}

	private static Color vary(Color base, Random random, int amount) {
		return new Color(clamp(base.getRed() + random.nextInt(amount * 2 + 1) - amount),
				clamp(base.getGreen() + random.nextInt(amount * 2 + 1) - amount),
				clamp(base.getBlue() + random.nextInt(amount * 2 + 1) - amount));
	}

	private static int clamp(int value) {
		return Math.max(0, Math.min(255, value));
	}

	private static void ridge(Graphics2D g, Random random, int base, int height, Color color, boolean snowCaps) {
		Polygon ridge = new Polygon();
		ridge.addPoint(0, HEIGHT);
		int x = 0;
		int[] peaksX = new int[32];
		int[] peaksY = new int[32];
		int peaks = 0;
		while (x <= WIDTH && peaks < 32) {
			int y = base - random.nextInt(height);
			ridge.addPoint(x, y);
			peaksX[peaks] = x;
			peaksY[peaks++] = y;
			x += 90 + random.nextInt(160);
		}
		ridge.addPoint(WIDTH, base - random.nextInt(height));
		ridge.addPoint(WIDTH, HEIGHT);
		g.setColor(color);
		g.fillPolygon(ridge);
		if (snowCaps) {
			g.setColor(new Color(245, 248, 252));
			for (int i = 1; i < peaks - 1; i++) {
				if (peaksY[i] < peaksY[i - 1] && peaksY[i] < peaksY[i + 1]) {
					int w = 34 + random.nextInt(20);
					g.fillPolygon(new int[] { peaksX[i] - w, peaksX[i], peaksX[i] + w },
							new int[] { peaksY[i] + w, peaksY[i], peaksY[i] + w }, 3);
				}
			}
		}
	}

	private static void mountains(Graphics2D g, Random random, boolean winter) {
		sky(g, winter ? new Color(150, 180, 215) : new Color(70, 140, 210),
				winter ? new Color(225, 235, 245) : new Color(190, 220, 240), HEIGHT);
		sun(g, random, winter ? new Color(255, 250, 235) : new Color(255, 220, 120));
		ridge(g, random, 430, 260, vary(new Color(95, 110, 140), random, 15), true);
		ridge(g, random, 560, 180, vary(new Color(60, 90, 85), random, 15), winter);
		g.setColor(winter ? new Color(240, 244, 250) : vary(new Color(70, 120, 60), random, 15));
		g.fillRect(0, 660, WIDTH, HEIGHT - 660);
		g.setColor(winter ? new Color(40, 70, 60) : new Color(35, 80, 45));
		for (int i = 0; i < 40; i++) {
			int tx = random.nextInt(WIDTH);
			int ty = 620 + random.nextInt(150);
			int th = 40 + random.nextInt(50);
			g.fillPolygon(new int[] { tx - th / 3, tx, tx + th / 3 }, new int[] { ty + th, ty, ty + th }, 3);
		}
	}

	private static void city(Graphics2D g, Random random) {
		boolean night = random.nextBoolean();
		sky(g, night ? new Color(20, 30, 70) : new Color(90, 160, 220),
				night ? new Color(90, 70, 120) : new Color(220, 235, 245), HEIGHT);
		ridge(g, random, 420, 160, night ? new Color(50, 55, 90) : new Color(150, 170, 195), true);
		int x = 0;
		while (x < WIDTH) {
			int w = 70 + random.nextInt(90);
			int h = 180 + random.nextInt(360);
			Color wall = night ? vary(new Color(40, 45, 70), random, 10) : vary(new Color(120, 130, 150), random, 25);
			g.setColor(wall);
			g.fillRect(x, HEIGHT - h, w - 6, h);
			g.setColor(night ? new Color(255, 215, 120) : new Color(190, 215, 235));
			for (int wy = HEIGHT - h + 16; wy < HEIGHT - 30; wy += 28) {
				for (int wx = x + 10; wx < x + w - 22; wx += 20) {
					if (random.nextInt(3) > 0) {
						g.fillRect(wx, wy, 9, 14);
					}
				}
			}
			x += w;
		}
	}

	private static void steppe(Graphics2D g, Random random) {
		sky(g, new Color(110, 170, 225), new Color(245, 225, 180), 520);
		sun(g, random, new Color(255, 230, 150));
		g.setPaint(new GradientPaint(0, 520, new Color(200, 170, 90), 0, HEIGHT, new Color(150, 130, 60)));
		g.fillRect(0, 520, WIDTH, HEIGHT - 520);
		// a yurt on the horizon
		int yx = 300 + random.nextInt(800);
		g.setColor(new Color(245, 240, 230));
		g.fillRect(yx, 470, 150, 70);
		g.fill(new Ellipse2D.Double(yx - 5, 430, 160, 80));
		g.setColor(new Color(150, 60, 40));
		g.fillRect(yx + 60, 490, 30, 50);
		g.setColor(new Color(120, 100, 50));
		g.setStroke(new BasicStroke(3));
		for (int i = 0; i < 120; i++) {
			int gx = random.nextInt(WIDTH);
			int gy = 560 + random.nextInt(250);
			g.drawLine(gx, gy, gx + random.nextInt(9) - 4, gy - 12 - random.nextInt(14));
		}
	}

	private static void water(Graphics2D g, Random random) {
		sky(g, new Color(120, 180, 230), new Color(235, 240, 245), 450);
		sun(g, random, new Color(255, 240, 190));
		g.setPaint(new GradientPaint(0, 450, new Color(40, 120, 170), 0, HEIGHT, new Color(15, 60, 100)));
		g.fillRect(0, 450, WIDTH, HEIGHT - 450);
		g.setColor(new Color(210, 190, 140));
		g.fillRect(0, 440, WIDTH, 14);
		g.setColor(new Color(255, 255, 255, 90));
		g.setStroke(new BasicStroke(3));
		for (int i = 0; i < 60; i++) {
			int wx = random.nextInt(WIDTH);
			int wy = 470 + random.nextInt(330);
			g.drawLine(wx, wy, wx + 30 + random.nextInt(60), wy);
		}
	}

	private static void stadium(Graphics2D g, Random random) {
		sky(g, new Color(30, 50, 90), new Color(70, 90, 140), 300);
		g.setColor(vary(new Color(170, 40, 50), random, 30));
		g.fillRect(0, 220, WIDTH, 200);
		g.setColor(new Color(230, 230, 230, 120));
		for (int i = 0; i < 500; i++) {
			g.fillRect(random.nextInt(WIDTH), 225 + random.nextInt(190), 5, 6);
		}
		g.setColor(new Color(60, 150, 70));
		g.fillRect(0, 420, WIDTH, HEIGHT - 420);
		g.setColor(new Color(70, 165, 80));
		for (int stripe = 0; stripe < WIDTH; stripe += 160) {
			g.fillRect(stripe, 420, 80, HEIGHT - 420);
		}
		g.setColor(Color.WHITE);
		g.setStroke(new BasicStroke(6));
		g.drawLine(WIDTH / 2, 420, WIDTH / 2, HEIGHT);
		g.draw(new Ellipse2D.Double(WIDTH / 2.0 - 110, 520, 220, 220));
		for (int light = 0; light < 4; light++) {
			g.setColor(new Color(255, 250, 220));
			g.fill(new Ellipse2D.Double(150 + light * 350, 60, 40, 40));
		}
	}

	private static void field(Graphics2D g, Random random) {
		sky(g, new Color(100, 165, 225), new Color(230, 240, 245), 430);
		sun(g, random, new Color(255, 235, 160));
		Color[] rows = { new Color(220, 185, 80), new Color(200, 160, 60), new Color(230, 200, 100) };
		for (int i = 0; i < 12; i++) {
			Path2D band = new Path2D.Double();
			int y = 430 + i * 35;
			band.moveTo(0, y);
			band.curveTo(WIDTH / 3.0, y - 20, 2 * WIDTH / 3.0, y + 20, WIDTH, y);
			band.lineTo(WIDTH, HEIGHT);
			band.lineTo(0, HEIGHT);
			band.closePath();
			g.setColor(vary(rows[i % rows.length], random, 10));
			g.fill(band);
		}
		g.setColor(new Color(180, 40, 40));
		int cx = 200 + random.nextInt(900);
		g.fill(new RoundRectangle2D.Double(cx, 470, 160, 70, 14, 14));
		g.setColor(new Color(40, 40, 40));
		g.fill(new Ellipse2D.Double(cx + 10, 520, 50, 50));
		g.fill(new Ellipse2D.Double(cx + 110, 525, 40, 40));
	}

	private static void library(Graphics2D g, Random random) {
		g.setColor(new Color(110, 70, 45));
		g.fillRect(0, 0, WIDTH, HEIGHT);
		Color[] spines = { new Color(160, 40, 40), new Color(40, 90, 150), new Color(210, 170, 60),
				new Color(50, 120, 80), new Color(230, 225, 210), new Color(90, 60, 120) };
		for (int shelf = 0; shelf < 4; shelf++) {
			int base = 190 + shelf * 200;
			g.setColor(new Color(80, 50, 30));
			g.fillRect(0, base, WIDTH, 18);
			int x = 20;
			while (x < WIDTH - 40) {
				int w = 22 + random.nextInt(26);
				int h = 110 + random.nextInt(60);
				g.setColor(vary(spines[random.nextInt(spines.length)], random, 20));
				g.fillRect(x, base - h, w, h);
				g.setColor(new Color(255, 255, 255, 60));
				g.fillRect(x + 4, base - h + 14, w - 8, 5);
				x += w + 3;
			}
		}
	}

	private static void tech(Graphics2D g, Random random) {
		g.setPaint(new GradientPaint(0, 0, new Color(15, 25, 45), WIDTH, HEIGHT, new Color(25, 70, 100)));
		g.fillRect(0, 0, WIDTH, HEIGHT);
		g.setStroke(new BasicStroke(3));
		int[][] nodes = new int[24][2];
		for (int i = 0; i < nodes.length; i++) {
			nodes[i][0] = 80 + random.nextInt(WIDTH - 160);
			nodes[i][1] = 80 + random.nextInt(HEIGHT - 160);
		}
		g.setColor(new Color(90, 200, 230, 120));
		for (int i = 0; i < nodes.length; i++) {
			int j = random.nextInt(nodes.length);
			g.drawLine(nodes[i][0], nodes[i][1], nodes[i][0], nodes[j][1]);
			g.drawLine(nodes[i][0], nodes[j][1], nodes[j][0], nodes[j][1]);
		}
		for (int[] node : nodes) {
			g.setColor(new Color(120, 230, 250));
			g.fill(new Ellipse2D.Double(node[0] - 9, node[1] - 9, 18, 18));
		}
		g.setColor(new Color(40, 50, 60));
		g.fill(new RoundRectangle2D.Double(WIDTH / 2.0 - 160, HEIGHT / 2.0 - 160, 320, 320, 30, 30));
		g.setColor(new Color(200, 170, 80));
		for (int pin = 0; pin < 8; pin++) {
			g.fillRect(WIDTH / 2 - 140 + pin * 38, HEIGHT / 2 - 190, 14, 30);
			g.fillRect(WIDTH / 2 - 140 + pin * 38, HEIGHT / 2 + 160, 14, 30);
		}
	}

}
