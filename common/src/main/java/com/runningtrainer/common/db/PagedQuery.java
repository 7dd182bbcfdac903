package com.runningtrainer.common.db;

import com.runningtrainer.common.api.Page;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.function.Function;

/**
 * A page of a list in one round trip: the page query also selects the filter's {@code total}, by
 * {@code count(*) OVER ()} or, for a list long enough that reading all of it costs, by the counting
 * query as a subquery. Only a page past the end, which has no row to carry the total, costs a
 * second, counting query.
 *
 * @param pageSql the list query, selecting {@code total} and ending in {@code LIMIT} and {@code OFFSET}
 * @param countSql the same filter, selecting {@code count(*) AS total}
 */
public record PagedQuery(String pageSql, String countSql, Function<Row, JsonObject> mapper) {

  /**
   * @param filter the filter's parameters; the page's limit and offset follow them in the page query
   */
  public Future<JsonObject> fetch(Pool pool, Tuple filter, Page page) {
    Tuple pageParams = Tuple.tuple();
    for (int i = 0; i < filter.size(); i++) {
      pageParams.addValue(filter.getValue(i));
    }
    pageParams.addInteger(page.limit()).addInteger(page.offset());
    return pool.preparedQuery(pageSql).execute(pageParams).compose(rows -> {
      JsonArray items = new JsonArray();
      long total = 0;
      for (Row row : rows) {
        items.add(mapper.apply(row));
        total = row.getLong("total");
      }
      if (items.isEmpty() && page.offset() > 0) {
        return pool.preparedQuery(countSql).execute(filter)
            .map(count -> page.answer(items, count.iterator().next().getLong("total")));
      }
      return Future.succeededFuture(page.answer(items, total));
    });
  }
}
