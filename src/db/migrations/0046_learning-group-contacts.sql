ALTER TABLE "applications" ADD COLUMN "contact_shared" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- ADR 0036: what a municipality sees of the others in its learning groups (the admitted applications of each
-- trajectory it is admitted to): their names, their local actions with status, and the first contact of those that
-- opted in (name, role and e-mail, nothing else). The asker is the transaction's tenant, never an argument, so no
-- caller can look into a group it is not in. Security definer because row-level security rightly keeps each
-- municipality to its own applications; this is the one read across them.
CREATE FUNCTION learning_group_peers() RETURNS TABLE (
  own_application_id uuid, application_id uuid, municipality_name text, contact jsonb, actions jsonb
) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_catalog AS $$
  select own.id, peer.id, tenants.name,
         case when peer.contact_shared and jsonb_array_length(peer.contacts) > 0 then
           jsonb_build_object('name', peer.contacts->0->>'name', 'role', peer.contacts->0->>'role',
                              'email', peer.contacts->0->>'email') end,
         coalesce((select jsonb_agg(jsonb_build_object('id', item.id, 'text', item.text, 'status', item.status)
                                    order by item.created_at, item.id)
                     from learning_agenda_items item
                    where item.application_id = peer.id and item.kind = 'action'), '[]'::jsonb)
    from applications own
    join applications peer on peer.tenant_id = own.tenant_id and peer.trajectory_id = own.trajectory_id
                          and peer.status = 'admitted' and peer.municipality_id <> own.municipality_id
    join tenants on tenants.id = peer.municipality_id
   where own.municipality_id = nullif(current_setting('app.tenant_id', true), '')::uuid
     and own.status = 'admitted'
   order by own.id, tenants.name, peer.id
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION learning_group_peers() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION learning_group_peers() TO samenspel_app;
