# The requests check.sh sends through Prism (sourced by it: call, field, etag, TOKEN, VIEWER). Every operation of
# every service, with the answers a client meets: success, 304, 400, 401, 403, 404, 406, 409, 412, 415, 422, 428.
# Writes use fresh names and keys, so the corpus runs again on the same stack.
run=$(date +%s%N)
auth=(-H "Authorization: Bearer $TOKEN")
json=(-H "Content-Type: application/json")
source_json='{"url": "https://example.org/chipbet-openapi-check", "title": "chipbet OpenAPI check (not a real source)"}'
nobody=00000000-0000-4000-8000-000000000000

## funding-service
call funding 200 GET "/api/v1/investors?size=2"
call funding 400 GET "/api/v1/investors?size=0"
call funding 404 GET "/api/v1/investors/$nobody"
call funding 201 POST /api/v1/investors "${auth[@]}" "${json[@]}" -H "Idempotency-Key: oas-investor-$run" \
  -d "{\"name\": \"OpenAPI check investor $run\", \"kind\": \"CORPORATE\", \"country\": \"US\"}"
investor=$(field .id)
call funding 201 POST /api/v1/investors "${auth[@]}" "${json[@]}" -H "Idempotency-Key: oas-investor-$run" \
  -d "{\"name\": \"OpenAPI check investor $run\", \"kind\": \"CORPORATE\", \"country\": \"US\"}"
call funding 409 POST /api/v1/investors "${auth[@]}" "${json[@]}" -d "{\"name\": \"OpenAPI check investor $run\", \"kind\": \"CORPORATE\", \"country\": \"US\"}"
call funding 422 POST /api/v1/investors "${auth[@]}" "${json[@]}" -H "Idempotency-Key: oas-investor-$run" \
  -d "{\"name\": \"Another body under the same key $run\", \"kind\": \"CORPORATE\", \"country\": \"US\"}"
call funding 401 POST /api/v1/investors "${json[@]}" -d '{"name": "No token", "kind": "CORPORATE", "country": "US"}'
call funding 403 POST /api/v1/investors -H "Authorization: Bearer $VIEWER" "${json[@]}" -d '{"name": "Viewer", "kind": "CORPORATE", "country": "US"}'
call funding 400 POST /api/v1/investors "${auth[@]}" "${json[@]}" -d '{"name": '
call funding 400 POST /api/v1/investors "${auth[@]}" "${json[@]}" -d '{"name": "Bad kind", "kind": "PIRATE", "country": "US"}'
call funding 415 POST /api/v1/investors "${auth[@]}" -H "Content-Type: text/plain" -d 'name=x'
call funding 200 GET "/api/v1/investors/$investor"
call funding 200 GET "/api/v1/commitments?status=PLEDGED&purpose=FABS&size=2"
call funding 400 GET "/api/v1/commitments?status=NOPE"
call funding 406 GET /api/v1/commitments -H "Accept: application/xml"
call funding 201 POST /api/v1/commitments "${auth[@]}" "${json[@]}" -H "Idempotency-Key: oas-commitment-$run" -d "{
  \"investorId\": \"$investor\", \"amountUsd\": 1000000000, \"purpose\": \"FABS\", \"status\": \"PLEDGED\",
  \"announcedOn\": \"2026-01-31\", \"sources\": [$source_json]}"
commitment=$(field .id)
call funding 200 GET "/api/v1/commitments/$commitment"
call funding 404 GET "/api/v1/commitments/$nobody"
call funding 428 POST "/api/v1/commitments/$commitment/status-changes" "${auth[@]}" "${json[@]}" -d "{\"to\": \"COMMITTED\", \"source\": $source_json}"
call funding 412 POST "/api/v1/commitments/$commitment/status-changes" "${auth[@]}" "${json[@]}" -H 'If-Match: "9"' -d "{\"to\": \"COMMITTED\", \"source\": $source_json}"
call funding 200 POST "/api/v1/commitments/$commitment/status-changes" "${auth[@]}" "${json[@]}" -H 'If-Match: "1"' -d "{\"to\": \"COMMITTED\", \"source\": $source_json}"
call funding 409 POST "/api/v1/commitments/$commitment/status-changes" "${auth[@]}" "${json[@]}" -H 'If-Match: "2"' -d "{\"to\": \"RUMORED\", \"source\": $source_json}"
call funding 200 POST "/api/v1/commitments/$commitment/revisions" "${auth[@]}" "${json[@]}" -H 'If-Match: "2"' \
  -d "{\"amountUsd\": 1200000000, \"reason\": \"OpenAPI check\", \"source\": $source_json}"
call funding 404 POST "/api/v1/commitments/$nobody/revisions" "${auth[@]}" "${json[@]}" -H 'If-Match: "1"' \
  -d "{\"amountUsd\": 1, \"reason\": \"none\", \"source\": $source_json}"
call funding 200 GET "/api/v1/commitments/$commitment/history?size=5"
call funding 200 GET /api/v1/summary

## fab-service
call fab 200 GET "/api/v1/fabs?region=US&nodeClass=LEADING_EDGE&size=3"
call fab 400 GET "/api/v1/fabs?status=NOPE"
call fab 400 GET "/api/v1/fabs?page=-1"
call fab 406 GET /api/v1/fabs -H "Accept: application/xml"
call fab 201 POST /api/v1/fabs "${auth[@]}" "${json[@]}" -H "Idempotency-Key: oas-fab-$run" -d "{
  \"name\": \"OpenAPI check fab $run\", \"operator\": \"Example Foundry\", \"country\": \"US\", \"region\": \"US\",
  \"nodeClass\": \"LEADING_EDGE\", \"capacityWafersPerMonth\": 1000, \"announcedOn\": \"2026-01-31\",
  \"originalProductionDate\": \"2029-12-31\", \"sources\": [$source_json]}"
fab=$(field .id)
call fab 400 POST /api/v1/fabs "${auth[@]}" "${json[@]}" -d '{"name": "No sources", "operator": "x", "country": "US", "region": "US"}'
call fab 200 GET "/api/v1/fabs/$fab"
call fab 404 GET "/api/v1/fabs/$nobody"
call fab 428 POST "/api/v1/fabs/$fab/delays" "${auth[@]}" "${json[@]}" -d "{\"plannedProductionDate\": \"2030-06-30\", \"reason\": \"check\", \"source\": $source_json}"
call fab 412 POST "/api/v1/fabs/$fab/delays" "${auth[@]}" "${json[@]}" -H 'If-Match: "7"' -d "{\"plannedProductionDate\": \"2030-06-30\", \"reason\": \"check\", \"source\": $source_json}"
call fab 200 POST "/api/v1/fabs/$fab/delays" "${auth[@]}" "${json[@]}" -H 'If-Match: "1"' -d "{\"plannedProductionDate\": \"2030-06-30\", \"reason\": \"check\", \"source\": $source_json}"
call fab 200 POST "/api/v1/fabs/$fab/milestones" "${auth[@]}" "${json[@]}" -H 'If-Match: "2"' -d "{\"status\": \"UNDER_CONSTRUCTION\", \"reachedOn\": \"2026-02-28\", \"source\": $source_json}"
call fab 409 POST "/api/v1/fabs/$fab/milestones" "${auth[@]}" "${json[@]}" -H 'If-Match: "3"' -d "{\"status\": \"ANNOUNCED\", \"reachedOn\": \"2026-03-31\", \"source\": $source_json}"
call fab 200 POST "/api/v1/fabs/$fab/revisions" "${auth[@]}" "${json[@]}" -H 'If-Match: "3"' -d "{\"capacityWafersPerMonth\": 1200, \"reason\": \"check\", \"source\": $source_json}"
call fab 200 GET "/api/v1/fabs/$fab/timeline"
call fab 200 GET /api/v1/slip-statistics

## talent-service
region="Z${run: -6}"
call talent 200 GET "/api/v1/talent-pools?region=US&size=5"
call talent 201 POST /api/v1/talent-pools "${auth[@]}" "${json[@]}" -H "Idempotency-Key: oas-pool-$run" -d "{
  \"region\": \"$region\", \"role\": \"TECHNICIAN\", \"asOfYear\": 2025, \"headcount\": 1000, \"annualPipeline\": 100,
  \"attritionRate\": 0.05, \"sources\": [$source_json]}"
pool=$(field .id)
call talent 409 POST /api/v1/talent-pools "${auth[@]}" "${json[@]}" -d "{
  \"region\": \"$region\", \"role\": \"TECHNICIAN\", \"asOfYear\": 2025, \"headcount\": 1000, \"annualPipeline\": 100,
  \"attritionRate\": 0.05, \"sources\": [$source_json]}"
call talent 200 GET "/api/v1/talent-pools/$pool"
call talent 404 GET "/api/v1/talent-pools/$nobody"
call talent 428 POST "/api/v1/talent-pools/$pool/updates" "${auth[@]}" "${json[@]}" -d "{\"headcount\": 1100, \"reason\": \"check\", \"source\": $source_json}"
call talent 200 POST "/api/v1/talent-pools/$pool/updates" "${auth[@]}" "${json[@]}" -H 'If-Match: "1"' -d "{\"headcount\": 1100, \"reason\": \"check\", \"source\": $source_json}"
call talent 200 GET "/api/v1/talent-pools/$pool/history"
call talent 201 POST /api/v1/training-programs "${auth[@]}" "${json[@]}" -H "Idempotency-Key: oas-program-$run" -d "{
  \"name\": \"OpenAPI check program $run\", \"region\": \"$region\", \"role\": \"TECHNICIAN\", \"workersPerYear\": 50,
  \"startYear\": 2026, \"endYear\": 2028, \"source\": $source_json}"
call talent 422 POST /api/v1/training-programs "${auth[@]}" "${json[@]}" -d "{
  \"name\": \"Years out of order $run\", \"region\": \"$region\", \"role\": \"TECHNICIAN\", \"workersPerYear\": 50,
  \"startYear\": 2028, \"endYear\": 2026, \"source\": $source_json}"
call talent 200 GET "/api/v1/training-programs?region=$region"
call talent 201 POST /api/v1/shortfall-estimates "${auth[@]}" "${json[@]}" -H "Idempotency-Key: oas-estimate-$run" -d "{
  \"region\": \"$region\", \"targetYear\": 2030, \"shortfall\": 100, \"demand\": 1200, \"source\": $source_json}"
call talent 200 GET "/api/v1/shortfall-estimates?region=$region"
call talent 200 GET "/api/v1/supply-projection?region=US&year=2030"
call talent 400 GET "/api/v1/supply-projection?region=US"

## projection-service
# The writes above move the answer for a while (each is simulated): its ETag is compared once two reads a second
# apart agree.
answer_etag() { curl -s -o /dev/null -D - --max-time 5 "http://127.0.0.1:${PORT[projection]}/api/v1/feasibility" | sed -n 's/^[Ee][Tt][Aa][Gg]: *\(.*\)\r$/\1/p'; }
for _ in $(seq 1 30); do
  settled=$(answer_etag)
  sleep 1
  [ "$settled" = "$(answer_etag)" ] && break
done
call projection 200 GET /api/v1/feasibility
answer_etag=$(etag)
call projection 304 GET /api/v1/feasibility -H "If-None-Match: $answer_etag"
call projection 400 GET "/api/v1/feasibility?asOf=yesterday"
call projection 200 GET "/api/v1/feasibility?asOf=2025-06-30"
call projection 406 GET /api/v1/feasibility/changes -H "Accept: application/xml"
call projection 200 GET "/api/v1/feasibility/changes?size=3"
call projection 200 GET "/api/v1/feasibility/history"
call projection 400 GET "/api/v1/feasibility/history?from=yesterday"
call projection 200 GET "/api/v1/feasibility/history/news"
call projection 400 GET "/api/v1/feasibility/history/news?from=yesterday"
call projection 200 GET /api/v1/inputs
call projection 200 GET /api/v1/assumptions
call projection 200 GET "/api/v1/scenarios?size=5"
# The scenario names the fab added above, which reaches the projection through Kafka: wait until it is on record there.
for _ in $(seq 1 60); do
  curl -s --max-time 5 "http://127.0.0.1:${PORT[projection]}/api/v1/inputs" | grep -q "$fab" && break
  sleep 0.5
done
call projection 201 POST /api/v1/scenarios "${auth[@]}" "${json[@]}" -H "Idempotency-Key: oas-scenario-$run" -d "{
  \"name\": \"OpenAPI check scenario $run\", \"changes\": [{\"kind\": \"DELAY_FAB\", \"fabId\": \"$fab\", \"months\": 12}]}"
scenario=$(field .id)
call projection 400 POST /api/v1/scenarios "${auth[@]}" "${json[@]}" -d '{"changes": []}'
call projection 422 POST /api/v1/scenarios "${auth[@]}" "${json[@]}" -d "{\"name\": \"Unknown fab $run\", \"changes\": [{\"kind\": \"DELAY_FAB\", \"fabId\": \"$nobody\", \"months\": 12}]}"
call projection 401 POST /api/v1/scenarios "${json[@]}" -d '{"name": "No token"}'
call projection 200 GET "/api/v1/scenarios/$scenario"
call projection 404 GET "/api/v1/scenarios/$nobody"
call projection 200 GET "/api/v1/scenarios/$scenario/feasibility"
call projection 200 GET "/api/v1/scenarios/$scenario/requirements"
call projection 200 GET "/api/v1/scenarios/compare?ids=$scenario"
call projection 428 PUT "/api/v1/scenarios/$scenario" "${auth[@]}" "${json[@]}" -d "{\"name\": \"OpenAPI check scenario $run, revised\"}"
call projection 412 PUT "/api/v1/scenarios/$scenario" "${auth[@]}" "${json[@]}" -H 'If-Match: "9"' -d "{\"name\": \"OpenAPI check scenario $run, revised\"}"
call projection 200 PUT "/api/v1/scenarios/$scenario" "${auth[@]}" "${json[@]}" -H 'If-Match: "1"' -d "{\"name\": \"OpenAPI check scenario $run, revised\"}"
call projection 204 DELETE "/api/v1/scenarios/$scenario" "${auth[@]}"
call projection 404 DELETE "/api/v1/scenarios/$scenario" "${auth[@]}"
call projection 401 POST /api/v1/admin/rebuild
call projection 202 POST /api/v1/admin/rebuild "${auth[@]}"
