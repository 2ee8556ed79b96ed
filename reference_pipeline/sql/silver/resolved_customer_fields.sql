-- silver.resolved_customer_fields: one row per customer and field: the value the business
-- rules in rules/conflict_resolution.yml chose from CRM, billing and support, and who won.

with

candidates as (
    select * from silver.customer_field_candidates
),

rules as (
    select * from meta.resolution_rules
),

ranked as (
    -- a source the rule does not list for a field never wins it
    select
        candidates.customer_id,
        candidates.field_name,
        candidates.field_value,
        candidates.source_name,
        candidates.updated_at,
        rules.rule_name,
        row_number() over (
            partition by candidates.customer_id, candidates.field_name
            order by
                case when rules.rule_name = 'most_recent' then candidates.updated_at end desc nulls last,
                rules.source_rank
        ) as rank_in_field
    from candidates
    inner join rules
        on candidates.field_name = rules.field_name
        and candidates.source_name = rules.source_name
),

agreement as (
    select
        customer_id,
        field_name,
        count(*) as count_sources,
        count(distinct field_value) > 1 as is_conflict
    from ranked
    group by customer_id, field_name
),

final as (
    select
        ranked.customer_id,
        ranked.field_name,
        ranked.field_value,
        ranked.source_name as winning_source,
        ranked.rule_name,
        agreement.count_sources,
        agreement.is_conflict
    from ranked
    inner join agreement
        on ranked.customer_id = agreement.customer_id
        and ranked.field_name = agreement.field_name
    where ranked.rank_in_field = 1
)

select * from final
