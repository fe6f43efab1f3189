-- Finance's own service-code catalogue (uploaded CSV); a code here overrides the shipped
-- HCPCS Level II subset.
create table service_codes (
    code        varchar(30)  primary key,
    description varchar(500) not null,
    uploaded_by varchar(100) not null,
    uploaded_at timestamp with time zone not null
);
