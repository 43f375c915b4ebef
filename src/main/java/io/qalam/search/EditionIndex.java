package io.qalam.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.qalam.content.SearchableArticles.Searchable;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * One edition's Lucene index on disk: what is written to it, and how it is searched. Free
 * of Spring, so that the search benchmark runs exactly this code.
 *
 * <p>
 * Writes must come from one thread at a time ({@link SearchIndex} sees to it); searches
 * may come from any number of threads, and see the index as of the last
 * {@link #publish()}. The index records its {@linkplain #FORMAT format} in its commit
 * data only when a complete rebuild has finished, so an index that is missing, was
 * written by an older Qalam or was cut off in the middle of a rebuild reports
 * {@link #needsRebuild()}.
 */
final class EditionIndex implements Closeable {

	/** Raise when fields or analysis change: every index is rebuilt on the next start. */
	static final String FORMAT = "1";

	private static final String FORMAT_KEY = "qalam.format";

	/** Words of a query beyond this many are ignored. */
	static final int MAX_TERMS = 16;

	/**
	 * Results beyond this many are not paged to: nobody reads them, and deep pages cost.
	 */
	static final int MAX_RESULTS = 1000;

	private static final String ID = "id";

	private static final String VERSION = "version";

	private static final String PATH = "path";

	private static final String SECTION = "section";

	private static final String PUBLISHED = "published";

	private static final String VISIBLE = "visible";

	static final String HEADLINE = "headline";

	static final String LEAD = "lead";

	static final String BODY = "body";

	private static final int SNIPPET_LENGTH = 220;

	// Text fields keep offsets in the postings, so highlighting needs no re-analysis
	private static final FieldType TEXT = new FieldType(TextField.TYPE_STORED);

	static {
		TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
		TEXT.freeze();
	}

	private final Directory directory;

	private final Analyzer analyzer;

	private final Locale locale;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private volatile boolean needsRebuild;

	private EditionIndex(Directory directory, Analyzer analyzer, Locale locale, IndexWriter writer,
			boolean needsRebuild) throws IOException {
		this.directory = directory;
		this.analyzer = analyzer;
		this.locale = locale;
		this.writer = writer;
		this.searchers = new SearcherManager(writer, null);
		this.needsRebuild = needsRebuild;
	}

	/**
	 * Opens the index in {@code dir}, creating it if missing. An index Lucene cannot read
	 * is started afresh (and needs a rebuild): it holds nothing that the database does
	 * not.
	 */
	static EditionIndex open(Path dir, Locale locale) throws IOException {
		Files.createDirectories(dir);
		Directory directory = FSDirectory.open(dir);
		String format = null;
		try {
			if (DirectoryReader.indexExists(directory)) {
				format = SegmentInfos.readLatestCommit(directory).getUserData().get(FORMAT_KEY);
			}
		}
		catch (IndexFormatTooOldException | IndexFormatTooNewException | CorruptIndexException ex) {
			for (String file : directory.listAll()) {
				directory.deleteFile(file);
			}
		}
		Analyzer analyzer = LanguageAnalyzers.forLanguage(locale);
		IndexWriterConfig config = new IndexWriterConfig(analyzer)
			.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
			.setRAMBufferSizeMB(64);
		IndexWriter writer = new IndexWriter(directory, config);
		return new EditionIndex(directory, analyzer, locale, writer, !FORMAT.equals(format));
	}

	boolean needsRebuild() {
		return this.needsRebuild;
	}

	/** Adds the article, or replaces its earlier version. */
	void put(Searchable article) throws IOException {
		this.writer.updateDocument(new Term(ID, Long.toString(article.id())), document(article));
	}

	void remove(long id) throws IOException {
		this.writer.deleteDocuments(new Term(ID, Long.toString(id)));
	}

	/** Makes the changes so far durable and visible to searches. */
	void publish() throws IOException {
		this.writer.commit();
		this.searchers.maybeRefreshBlocking();
	}

	/**
	 * Empties the index for a rebuild. Searches still see the old contents until
	 * {@link #finishRebuild()}, as long as nothing is published in between.
	 */
	void startRebuild() throws IOException {
		this.writer.deleteAll();
	}

	void finishRebuild() throws IOException {
		this.writer.setLiveCommitData(Map.of(FORMAT_KEY, FORMAT).entrySet());
		publish();
		this.needsRebuild = false;
	}

	/** Id and version of every article in the index, as last published. */
	Map<Long, Integer> versions() throws IOException {
		Map<Long, Integer> versions = new HashMap<>();
		IndexSearcher searcher = this.searchers.acquire();
		try {
			for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
				Bits live = leaf.reader().getLiveDocs();
				StoredFields stored = leaf.reader().storedFields();
				for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
					if (live == null || live.get(doc)) {
						Document fields = stored.document(doc, Set.of(ID, VERSION));
						versions.put(Long.parseLong(fields.get(ID)),
								fields.getField(VERSION).numericValue().intValue());
					}
				}
			}
		}
		finally {
			this.searchers.release(searcher);
		}
		return versions;
	}

	/** How many articles the index holds, as last published. */
	int size() throws IOException {
		IndexSearcher searcher = this.searchers.acquire();
		try {
			return searcher.getIndexReader().numDocs();
		}
		finally {
			this.searchers.release(searcher);
		}
	}

	/**
	 * Searches for articles readers may see at {@code now}. The words are analysed like
	 * the articles and every word must match (in the headline, lead or body, the headline
	 * counting most); no character of them is query syntax.
	 */
	SearchResults search(SearchRequest request, Instant now, int pageSize) throws IOException {
		List<String> terms = terms(request.words());
		if (terms.isEmpty()) {
			return SearchResults.NONE;
		}
		BooleanQuery.Builder words = new BooleanQuery.Builder();
		for (String term : terms) {
			words.add(new DisjunctionMaxQuery(List.of(new BoostQuery(new TermQuery(new Term(HEADLINE, term)), 3f),
					new BoostQuery(new TermQuery(new Term(LEAD, term)), 1.5f), new TermQuery(new Term(BODY, term))),
					0.1f), Occur.MUST);
		}
		Query matching = words.build();
		BooleanQuery.Builder query = new BooleanQuery.Builder().add(matching, Occur.MUST)
			.add(LongPoint.newRangeQuery(VISIBLE, Long.MIN_VALUE, now.toEpochMilli()), Occur.FILTER);
		if (request.section() != null) {
			query.add(new TermQuery(new Term(SECTION, request.section())), Occur.FILTER);
		}
		if (request.from() != null || request.until() != null) {
			long from = (request.from() != null) ? request.from().toEpochMilli() : Long.MIN_VALUE;
			long until = (request.until() != null) ? request.until().toEpochMilli() - 1 : Long.MAX_VALUE;
			query.add(LongPoint.newRangeQuery(PUBLISHED, from, until), Occur.FILTER);
		}
		SortField newest = new SortField(PUBLISHED, SortField.Type.LONG, true);
		Sort sort = (request.order() == SearchRequest.Order.DATE) ? new Sort(newest)
				: new Sort(SortField.FIELD_SCORE, newest);
		int wanted = Math.min(request.page() * pageSize, MAX_RESULTS);
		IndexSearcher searcher = this.searchers.acquire();
		try {
			TopDocs top = searcher.search(query.build(), new TopFieldCollectorManager(sort, wanted, null,
					Integer.MAX_VALUE, searcher.getSlices().length > 1));
			long total = top.totalHits.value;
			int pages = (int) Math.max(1, (Math.min(total, MAX_RESULTS) + pageSize - 1) / pageSize);
			int page = Math.min(request.page(), pages);
			int first = (page - 1) * pageSize;
			int last = Math.min(top.scoreDocs.length, first + pageSize);
			if (first >= last) {
				return new SearchResults(total, page, (total == 0) ? 0 : pages, List.of());
			}
			int[] docs = new int[last - first];
			for (int i = first; i < last; i++) {
				docs[i - first] = top.scoreDocs[i].doc;
			}
			return new SearchResults(total, page, pages, hits(searcher, matching, docs));
		}
		finally {
			this.searchers.release(searcher);
		}
	}

	private List<SearchResults.Hit> hits(IndexSearcher searcher, Query matching, int[] docs) throws IOException {
		PartsFormatter formatter = new PartsFormatter();
		Map<String, Object[]> headlines = new PartsHighlighter(UnifiedHighlighter.builder(searcher, this.analyzer)
			.withBreakIterator(WholeBreakIterator::new)
			.withFormatter(formatter)).highlight(new String[] { HEADLINE }, matching, docs, new int[] { 1 });
		Map<String, Object[]> snippets = new PartsHighlighter(UnifiedHighlighter.builder(searcher, this.analyzer)
			.withBreakIterator(() -> LengthGoalBreakIterator
				.createClosestToLength(BreakIterator.getSentenceInstance(this.locale), SNIPPET_LENGTH, 0.5f))
			.withFormatter(formatter.snippets())
			.withMaxNoHighlightPassages(0)).highlight(new String[] { BODY, LEAD }, matching, docs, new int[] { 2, 1 });
		StoredFields stored = searcher.storedFields();
		List<SearchResults.Hit> hits = new ArrayList<>(docs.length);
		for (int i = 0; i < docs.length; i++) {
			Document fields = stored.document(docs[i], Set.of(ID, PATH, SECTION, PUBLISHED, HEADLINE, LEAD));
			SearchResults.Highlighted headline = (SearchResults.Highlighted) headlines.get(HEADLINE)[i];
			SearchResults.Highlighted body = (SearchResults.Highlighted) snippets.get(BODY)[i];
			SearchResults.Highlighted lead = (SearchResults.Highlighted) snippets.get(LEAD)[i];
			SearchResults.Highlighted snippet = (body != null) ? body
					: (lead != null) ? lead : SearchResults.Highlighted.plain(fields.get(LEAD));
			hits.add(new SearchResults.Hit(Long.parseLong(fields.get(ID)), fields.get(PATH), fields.get(SECTION),
					Instant.ofEpochMilli(fields.getField(PUBLISHED).numericValue().longValue()),
					(headline != null) ? headline : SearchResults.Highlighted.plain(fields.get(HEADLINE)), snippet));
		}
		return hits;
	}

	/** The highlighter, giving the formatter's objects rather than strings. */
	private static final class PartsHighlighter extends UnifiedHighlighter {

		PartsHighlighter(UnifiedHighlighter.Builder builder) {
			super(builder);
		}

		Map<String, Object[]> highlight(String[] fields, Query query, int[] docs, int[] maxPassages)
				throws IOException {
			return highlightFieldsAsObjects(fields, query, docs, maxPassages);
		}

	}

	/** The distinct analysed words of a query, at most {@link #MAX_TERMS}. */
	List<String> terms(String words) throws IOException {
		Set<String> terms = new LinkedHashSet<>();
		try (TokenStream stream = this.analyzer.tokenStream(BODY, words)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (terms.size() < MAX_TERMS && stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
		}
		return List.copyOf(terms);
	}

	private static Document document(Searchable article) {
		Document doc = new Document();
		doc.add(new StringField(ID, Long.toString(article.id()), Field.Store.YES));
		doc.add(new StoredField(VERSION, article.version()));
		doc.add(new StoredField(PATH, article.path()));
		doc.add(new StringField(SECTION, article.sectionSlug(), Field.Store.YES));
		long published = article.publishedAt().toEpochMilli();
		doc.add(new LongPoint(PUBLISHED, published));
		doc.add(new NumericDocValuesField(PUBLISHED, published));
		doc.add(new StoredField(PUBLISHED, published));
		doc.add(new LongPoint(VISIBLE, article.visibleFrom().toEpochMilli()));
		doc.add(new Field(HEADLINE, article.headline(), TEXT));
		doc.add(new Field(LEAD, article.lead(), TEXT));
		doc.add(new Field(BODY, article.body(), TEXT));
		return doc;
	}

	@Override
	public void close() throws IOException {
		try {
			this.searchers.close();
			this.writer.close();
		}
		finally {
			this.directory.close();
		}
	}

}
