-- bronze.support_contacts: one row per contact in the support-desk extract, exactly as received.

with

source as (
    select *
    from read_json(
        getvariable('landing') || '/support/support_contacts.json',
        filename = true,
        columns = {
            id: 'VARCHAR', full_name: 'VARCHAR', email: 'VARCHAR',
            phone: 'VARCHAR', tier: 'VARCHAR', updated: 'VARCHAR'
        }
    )
),

renamed as (
    select
        id as customer_id,
        full_name as customer_name,
        email,
        phone,
        tier as support_tier,
        updated as updated_at,
        replace(filename, getvariable('landing') || '/', '') as _source_file,
        getvariable('now') as _loaded_at
    from source
),

final as (
    select * from renamed
)

select * from final
