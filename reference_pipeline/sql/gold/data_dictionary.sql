-- depends_on: gold.*
-- gold.data_dictionary: one row per column of every gold table, with the description
-- written in checks/gold.yml. A column nobody described shows up with no description.

with

warehouse_columns as (
    select * from information_schema.columns
    where table_schema = 'gold' and table_name <> 'data_dictionary'
),

column_docs as (
    select * from meta.column_docs
),

table_docs as (
    select * from meta.table_docs
),

final as (
    select
        'gold.' || warehouse_columns.table_name as table_name,
        warehouse_columns.ordinal_position as column_position,
        warehouse_columns.column_name,
        warehouse_columns.data_type,
        column_docs.description,
        table_docs.description as table_description
    from warehouse_columns
    left join column_docs
        on column_docs.table_name = 'gold.' || warehouse_columns.table_name
        and column_docs.column_name = warehouse_columns.column_name
    left join table_docs
        on table_docs.table_name = 'gold.' || warehouse_columns.table_name
)

select * from final
order by table_name, column_position
