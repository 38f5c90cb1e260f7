import { orWorkaround, type Step, WORKAROUNDS } from "./context.js";

/** Uploaded once per offer: the client looks the list up by name before each attempt. */
export const uploadCustomerList: Step = async ({ client, plan, offerId }) => {
  const list = plan.customerList;
  if (!list) return {};
  return orWorkaround(
    async () => {
      const { value } = await client.uploadCustomerList(offerId(), {
        list_name: list.name,
        customers: list.customers,
      });
      return {
        patch: { customerListId: value.customer_list_id },
        created: `Customer list ${value.list_name ?? list.name} (${value.customer_count} customers)`,
      };
    },
    () => [WORKAROUNDS.customerList],
  );
};
