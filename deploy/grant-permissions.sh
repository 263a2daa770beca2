#!/usr/bin/env bash
# Grants the application permissions that ARM templates cannot: Microsoft Graph app roles for
# the API's managed identity, and incident-bridge app roles for playbooks' managed identities.
# Uses the Azure CLI (az login first, as someone who may grant admin consent: Privileged Role
# Administrator or Global Administrator). Safe to run twice: existing assignments are kept.
#
#   deploy/grant-permissions.sh --api-identity <object id>
#   deploy/grant-permissions.sh --playbook-identity <object id> --api-app-id <app id> [--role Incidents.Sync]
set -euo pipefail

GRAPH_APP_ID=00000003-0000-0000-c000-000000000000
GRAPH=https://graph.microsoft.com/v1.0
GRAPH_ROLES=(SecurityIncident.ReadWrite.All User.Read.All)

api_identity=""
playbook_identities=()
api_app_id=""
playbook_role="Incidents.Sync"

usage() {
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
  exit "${1:-0}"
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --api-identity) api_identity="$2"; shift 2 ;;
    --playbook-identity) playbook_identities+=("$2"); shift 2 ;;
    --api-app-id) api_app_id="$2"; shift 2 ;;
    --role) playbook_role="$2"; shift 2 ;;
    -h|--help) usage 0 ;;
    *) echo "unknown argument: $1" >&2; usage 2 ;;
  esac
done

if [[ -z "$api_identity" && ${#playbook_identities[@]} -eq 0 ]]; then
  echo "give --api-identity and/or --playbook-identity" >&2
  usage 2
fi
if [[ ${#playbook_identities[@]} -gt 0 && -z "$api_app_id" ]]; then
  echo "--playbook-identity needs --api-app-id (the incident-bridge app registration)" >&2
  exit 2
fi

# grant <principal object id> <resource app id> <app role value>
grant() {
  local principal="$1" resource_app="$2" role="$3"
  local resource role_id existing

  resource=$(az ad sp show --id "$resource_app" --query id -o tsv)
  role_id=$(az ad sp show --id "$resource_app" --query "appRoles[?value=='$role'].id | [0]" -o tsv)
  if [[ -z "$role_id" ]]; then
    echo "the app $resource_app has no app role $role" >&2
    return 1
  fi

  existing=$(az rest --method GET \
    --uri "$GRAPH/servicePrincipals/$principal/appRoleAssignments" \
    --query "value[?appRoleId=='$role_id' && resourceId=='$resource'].id | [0]" -o tsv)
  if [[ -n "$existing" ]]; then
    echo "kept    $role for $principal"
    return 0
  fi

  az rest --method POST \
    --uri "$GRAPH/servicePrincipals/$principal/appRoleAssignments" \
    --headers "Content-Type=application/json" \
    --body "{\"principalId\":\"$principal\",\"resourceId\":\"$resource\",\"appRoleId\":\"$role_id\"}" \
    --output none
  echo "granted $role for $principal"
}

if [[ -n "$api_identity" ]]; then
  for role in "${GRAPH_ROLES[@]}"; do grant "$api_identity" "$GRAPH_APP_ID" "$role"; done
fi
for identity in "${playbook_identities[@]}"; do
  grant "$identity" "$api_app_id" "$playbook_role"
done
