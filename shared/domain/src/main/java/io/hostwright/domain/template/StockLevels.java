package io.hostwright.domain.template;

import java.util.Map;
import java.util.Optional;

/** Port: the stock the sync counted per product. */
public interface StockLevels {

    Optional<StockLevel> find(String productId);

    /** Every product's stock, by product id (the public catalog). */
    Map<String, StockLevel> all();

    /** Stores {@code after} if the stored level is still {@code before} (null: none yet); false when it is not. */
    boolean replace(StockLevel before, StockLevel after);

    void delete(String productId);
}
