-- Cleaning rules shared by the silver models and the incremental merge.
-- They live in the `clean` schema of the warehouse, so `query` can use them too:
--   select clean.proper_case('  mARY   ann ')  -->  Mary Ann

create schema if not exists clean;

-- Collapse runs of spaces, trim, then capitalise each word.
create or replace macro clean.proper_case(value) as
    array_to_string(
        list_transform(
            string_split(lower(regexp_replace(nullif(trim(value), ''), '\s+', ' ', 'g')), ' '),
            word -> upper(left(word, 1)) || substr(word, 2)
        ),
        ' '
    );

-- Keep the digits; a local eight-digit number gets the +65 country code.
create or replace macro clean.phone(value) as
    list_transform(
        [regexp_replace(value, '[^0-9]', '', 'g')],
        digits -> case
            when length(digits) = 8 then '+65' || digits
            when length(digits) = 10 and starts_with(digits, '65') then '+' || digits
        end
    )[1];

create or replace macro clean.email(value) as lower(nullif(trim(value), ''));

create or replace macro clean.is_valid_email(value) as
    regexp_full_match(value, '[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}');

-- Regions arrive as names, capitalised names or one-letter codes. A map lookup, not a long
-- CASE, so the value is trimmed and lowered once per row.
create or replace macro clean.region(value) as
    map {
        'north': 'north', 'n': 'north', 'south': 'south', 's': 'south', 'east': 'east', 'e': 'east',
        'west': 'west', 'w': 'west', 'central': 'central', 'c': 'central'
    }[lower(trim(value))];

create or replace macro clean.segment(value) as
    map {
        'consumer': 'consumer', 'small_business': 'small_business', 'smb': 'small_business',
        'corporate': 'corporate', 'corp': 'corporate'
    }[regexp_replace(lower(trim(value)), '[\s-]+', '_', 'g')];

-- Dates arrive as 2024-03-18 or 18/03/2024.
create or replace macro clean.to_date(value) as
    coalesce(try_cast(trim(value) as date), try_strptime(trim(value), '%d/%m/%Y')::date);
