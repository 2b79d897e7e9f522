CREATE TABLE products (
  id          BIGINT PRIMARY KEY,
  name        VARCHAR(80) NOT NULL,
  category    VARCHAR(20) NOT NULL,
  price_cents BIGINT NOT NULL
);
CREATE INDEX products_by_category ON products (category);
